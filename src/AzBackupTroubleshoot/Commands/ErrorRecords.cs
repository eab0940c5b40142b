using System;
using System.IO;
using System.Management.Automation;
using System.Security.Authentication;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>The one place that turns what went wrong into an error record, so that each condition has one id in every cmdlet.</summary>
    internal static class ErrorRecords
    {
        /// <summary>Something that could not be read: a refusal names the permission to ask for.</summary>
        public static ErrorRecord Of(ReadProblem problem) => problem.Kind switch
        {
            ReadProblemKind.Refused => ErrorIds.AuthorizationFailed.Record(
                new UnauthorizedAccessException(problem.RefusedAction == null ? problem.Message : $"{problem.Message} The signed-in identity lacks the permission '{problem.RefusedAction}'."),
                problem.TargetId),
            ReadProblemKind.NotFound => ErrorIds.ResourceNotFound.Record(new ItemNotFoundException(problem.Message), problem.TargetId),
            ReadProblemKind.Throttled => ErrorIds.Throttled.Record(new InvalidOperationException(problem.Message), problem.TargetId),
            _ => ErrorIds.EvidenceUnreadable.Record(new InvalidOperationException(problem.Message), problem.TargetId),
        };

        /// <summary>
        /// A failure of a whole operation. A connection refused for safety (TLS validation, a token audience that is not a
        /// management audience) and a timeout keep their own id whatever the cmdlet was doing; anything else is
        /// <paramref name="otherwise"/>, in the category of a bad argument or bad data when it was one.
        /// </summary>
        public static ErrorRecord OfFailure(Exception exception, ErrorId otherwise, object? target) => exception switch
        {
            _ when RefusedConnectionOf(exception, target) is { } refused => refused,
            TimeoutException => ErrorIds.TimedOut.Record(exception, target),
            ArgumentException => otherwise.Record(exception, target, ErrorCategory.InvalidArgument),
            InvalidDataException => otherwise.Record(exception, target, ErrorCategory.InvalidData),
            _ => otherwise.Record(exception, target),
        };

        /// <summary>The error for a connection refused for safety; null for any other failure.</summary>
        public static ErrorRecord? RefusedConnectionOf(Exception exception, object? target) => exception switch
        {
            AuthenticationException => ErrorIds.TlsValidationFailed.Record(exception, target),
            ArmAudienceRefusedException => ErrorIds.ArmAudienceRefused.Record(exception, target),
            _ => null,
        };
    }
}
