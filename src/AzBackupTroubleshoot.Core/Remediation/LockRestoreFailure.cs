using System;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>A lock that was removed and could not be put back, with the command that puts it back by hand.</summary>
    public sealed class LockRestoreFailure
    {
        public LockRestoreFailure(LockEvidence lockToRestore, Exception error)
        {
            Lock = lockToRestore;
            Error = error;
            RecreateCommand = LockCommands.Recreate(lockToRestore);
        }

        public LockEvidence Lock { get; }
        public Exception Error { get; }
        public string RecreateCommand { get; }
    }
}
