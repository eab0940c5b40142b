using System;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// A lock DELETE reached (or may have reached) ARM but no clear answer came back: a 5xx, a dropped connection, a
    /// timeout or a cancellation. ARM may have removed the lock, so it must be read back before it is counted as kept.
    /// </summary>
    public sealed class UnansweredLockDeleteException : Exception
    {
        public UnansweredLockDeleteException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
