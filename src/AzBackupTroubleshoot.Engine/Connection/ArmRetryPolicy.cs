using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// Retries what Azure.Core's classifier calls retriable (429, 408, 5xx, network failures) with exponential
    /// back-off or the service's Retry-After, within limits a hostile or broken server cannot stretch: all waits of one
    /// request stay within <see cref="MaxWait"/> (past it the request gives up with a throttling error instead of
    /// sleeping for the day a Retry-After may ask), an attempt that got no answer within the network timeout is not
    /// tried again, and a certificate that fails TLS validation fails at once. Each wait is announced before it starts.
    /// </summary>
    internal sealed class ArmRetryPolicy(
        int maxRetries,
        TimeSpan firstDelay,
        TimeSpan networkTimeout,
        Action<string>? announce,
        Func<TimeSpan, CancellationToken, Task>? wait = null) : HttpPipelinePolicy
    {
        /// <summary>
        /// What one request may spend waiting between attempts, in total: ARM's throttling windows last seconds to a
        /// minute, and five back-offs from 0.8 s add up to under 30 s; more is a server asking us to stall.
        /// </summary>
        internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);

        private readonly DelayStrategy _backoff = DelayStrategy.CreateExponentialDelayStrategy(firstDelay, TimeSpan.FromMinutes(1));
        private readonly Func<TimeSpan, CancellationToken, Task> _wait = wait ?? Task.Delay;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: true);

        /// <summary>The certificate validation failure inside a transport failure, if that is what it is.</summary>
        internal static AuthenticationException? TlsFailureOf(Exception? exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException tls)
                {
                    return tls;
                }
            }

            return null;
        }

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";

        private static string WhatOf(HttpMessage message) => message.Request.Method.Method + " " + message.Request.Uri.Path;

        private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
        {
            var waited = TimeSpan.Zero;
            List<Exception>? failures = null;
            for (var attempt = 1; ; attempt++)
            {
                Exception? failure = null;
                try
                {
                    if (async)
                    {
                        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                    }
                    else
                    {
                        ProcessNext(message, pipeline);
                    }
                }
                catch (Exception exception) when (!message.CancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
                {
                    failure = exception;
                }

                if (failure != null)
                {
                    if (TlsFailureOf(failure) is { } tls)
                    {
                        throw new AuthenticationException(
                            $"The TLS certificate of {message.Request.Uri.Host} failed validation ({tls.Message}); the connection was closed before anything was sent. Check the address, or trust the certificate's issuer on this machine if the server is yours.",
                            failure);
                    }

                    if (failure is OperationCanceledException)
                    {
                        // A server that did not answer in the network timeout is hung, not busy: trying again only multiplies the wait.
                        throw new ArmRequestException(0, "NoAnswer", $"No answer within {Seconds(message.NetworkTimeout ?? networkTimeout)}; not tried again.", message.Request.Method.Method, message.Request.Uri.Path, null, failure);
                    }

                    (failures ??= []).Add(failure);
                    if (!message.ResponseClassifier.IsRetriable(message, failure))
                    {
                        ExceptionDispatchInfo.Capture(failure).Throw();
                    }
                }
                else if (!message.Response.IsError || !message.ResponseClassifier.IsRetriableResponse(message))
                {
                    return;
                }

                var delay = _backoff.GetNextDelay(failure == null ? message.Response : null, attempt);
                if (attempt > maxRetries || waited + delay > MaxWait)
                {
                    GiveUp(message, failures, failure, delay, waited, attempt);
                    return;
                }

                announce?.Invoke($"Waiting {Seconds(delay)} before trying {WhatOf(message)} again ({Reason(message, failure)}; attempt {attempt + 1} of {maxRetries + 1}).");
                await _wait(delay, message.CancellationToken).ConfigureAwait(false);
                waited += delay;
                if (failure == null)
                {
                    message.Response.ContentStream?.Dispose();
                }
            }
        }

        /// <summary>Out of attempts, or the next wait would pass <see cref="MaxWait"/>: a failure is thrown, a response is left to the caller, except a throttled one past the cap, which says why it was not waited out.</summary>
        private void GiveUp(HttpMessage message, List<Exception>? failures, Exception? failure, TimeSpan delay, TimeSpan waited, int attempts)
        {
            if (failure != null)
            {
                throw new ArmRequestException(
                    0,
                    "NoAnswer",
                    $"No answer after {attempts} attempts: {failure.Message}",
                    message.Request.Method.Method,
                    message.Request.Uri.Path,
                    null,
                    failures!.Count == 1 ? failure : new AggregateException(failures));
            }

            if (attempts <= maxRetries && message.Response.Status == 429)
            {
                var error = ArmErrors.FromResponse(message.Response, message.Request.Method.Method, message.Request.Uri.Path);
                throw new ArmRequestException(
                    429,
                    error.ErrorCode,
                    $"Azure throttled the request and asked to wait {Seconds(delay)} more (after {Seconds(waited)} already waited); one request waits at most {Seconds(MaxWait)}, so it gave up. Try again later. {error.ArmMessage}".TrimEnd(),
                    message.Request.Method.Method,
                    message.Request.Uri.Path,
                    null);
            }
        }

        private static string Reason(HttpMessage message, Exception? failure) =>
            failure != null ? "the request failed: " + failure.Message
            : message.Response.Status == 429 ? "Azure throttled it (429)"
            : $"Azure answered {message.Response.Status}";
    }
}
