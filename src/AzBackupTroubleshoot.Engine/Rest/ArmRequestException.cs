using System;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>
    /// Resource Manager refused or failed a request (after retries). Carries what the caller needs to explain it:
    /// the HTTP status, ARM's error code and message, and for 403 the action that was refused. Never a token.
    /// </summary>
    public sealed class ArmRequestException : Exception
    {
        public ArmRequestException(int status, string? errorCode, string? armMessage, string method, string path, string? refusedAction, Exception? innerException = null)
            : base(Describe(status, errorCode, armMessage, method, path, refusedAction), innerException)
        {
            Status = status;
            ErrorCode = errorCode;
            ArmMessage = armMessage;
            Method = method;
            Path = path;
            RefusedAction = refusedAction;
        }

        public int Status { get; }

        /// <summary>ARM's error code (AuthorizationFailed, ResourceNotFound, ScopeLocked …).</summary>
        public string? ErrorCode { get; }

        public string? ArmMessage { get; }

        public string Method { get; }

        /// <summary>The request path: the resource id or collection that failed.</summary>
        public string Path { get; }

        /// <summary>For 403: the permission the caller lacks, e.g. Microsoft.Compute/virtualMachines/read.</summary>
        public string? RefusedAction { get; }

        public bool IsForbidden => Status == 403;

        private static string Describe(int status, string? errorCode, string? armMessage, string method, string path, string? refusedAction)
        {
            var what = refusedAction != null && status == 403
                ? $"Azure refused '{refusedAction}' on {path} (403 {errorCode ?? "Forbidden"})"
                : status == 0
                    ? $"{method} {path} failed{(errorCode != null ? " (" + errorCode + ")" : string.Empty)}"
                    : $"{method} {path} failed with {status}{(errorCode != null ? " " + errorCode : string.Empty)}";
            return string.IsNullOrEmpty(armMessage) ? what + "." : $"{what}: {armMessage}";
        }
    }
}
