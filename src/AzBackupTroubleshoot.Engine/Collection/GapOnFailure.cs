using System;
using System.Text.Json;
using System.Threading.Tasks;
using Azure;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>Runs the fetch of one evidence part so that an ARM failure becomes a gap instead of failing the VM.</summary>
    internal static class GapOnFailure
    {
        public static async Task<FetchResult<T>> FetchAsync<T>(EvidencePart part, string method, string path, Func<Task<T>> fetch)
        {
            try
            {
                return FetchResult<T>.Of(await fetch().ConfigureAwait(false));
            }
            catch (Exception exception) when (AsArmError(exception, method, path) is { } error)
            {
                return FetchResult<T>.Missing(GapOf(part, error));
            }
        }

        public static EvidenceGap GapOf(EvidencePart part, ArmRequestException error) =>
            new(part, error.Message, error.Status == 0 ? null : error.Status);

        /// <summary>
        /// Our REST errors as they are, SDK errors mapped, and an answer the SDK could not read as JSON (an HTML page, a
        /// cut-off body) as an unreadable answer to the request; anything else is not an ARM answer.
        /// </summary>
        public static ArmRequestException? AsArmError(Exception exception, string method, string path) => exception switch
        {
            ArmRequestException arm => arm,
            RequestFailedException sdk => ArmErrors.FromSdk(sdk, method, path),
            JsonException json => new ArmRequestException(0, "InvalidResponse", "The answer was not the JSON expected: " + json.Message, method, path, null, json),
            _ => null,
        };
    }
}
