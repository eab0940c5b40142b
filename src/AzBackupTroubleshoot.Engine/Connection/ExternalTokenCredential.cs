using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>A credential that borrows tokens from the caller, e.g. the session's Az context.</summary>
    internal sealed class ExternalTokenCredential(Func<string[], CancellationToken, Task<(string Token, DateTimeOffset ExpiresOn)>> tokenSource)
        : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            (string Token, DateTimeOffset ExpiresOn) borrowed;
            try
            {
                borrowed = await tokenSource(requestContext.Scopes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The source's own message is kept out: it is not ours to vouch that it carries no secret.
                throw new AuthenticationFailedException(
                    $"The session's Azure context gave no token for {string.Join(" ", requestContext.Scopes)} ({exception.GetType().Name}). Sign in again (Connect-AzAccount).");
            }

            if (string.IsNullOrEmpty(borrowed.Token))
            {
                throw new AuthenticationFailedException(
                    $"The session's Azure context gave an empty token for {string.Join(" ", requestContext.Scopes)}. Sign in again (Connect-AzAccount).");
            }

            return new AccessToken(borrowed.Token, borrowed.ExpiresOn);
        }
    }
}
