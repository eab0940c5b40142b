using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// Every error id the module writes, each meaning one condition across all cmdlets: they are a contract that
    /// scripts match on. The README's error table is generated from this class (see ErrorIdContractTests).
    /// </summary>
    public static class ErrorIds
    {
        // Reaching Azure
        public static readonly ErrorId ArmEndpointNotHttps = new(nameof(ArmEndpointNotHttps), ErrorCategory.InvalidArgument, "-ArmEndpoint is not an https address.");
        public static readonly ErrorId ArmAudienceWithoutEndpoint = new(nameof(ArmAudienceWithoutEndpoint), ErrorCategory.InvalidArgument, "-ArmAudience was given without -ArmEndpoint.");
        public static readonly ErrorId TlsValidationFailed = new(nameof(TlsValidationFailed), ErrorCategory.SecurityError, "The server's certificate failed TLS validation; nothing was sent.");
        public static readonly ErrorId ArmAudienceRefused = new(nameof(ArmAudienceRefused), ErrorCategory.SecurityError, "The endpoint's token audience is not a management audience; no token was sent.");
        public static readonly ErrorId SubscriptionNotGiven = new(nameof(SubscriptionNotGiven), ErrorCategory.InvalidArgument, "No subscription: none given, none in a resource id, none in the Az context.");
        public static readonly ErrorId TimedOut = new(nameof(TimedOut), ErrorCategory.OperationTimeout, "The work took longer than -TimeoutSec and was stopped.");

        // Reading Azure (one per ReadProblemKind)
        public static readonly ErrorId AuthorizationFailed = new(nameof(AuthorizationFailed), ErrorCategory.PermissionDenied, "A read was refused; the message names the missing permission.");
        public static readonly ErrorId ResourceNotFound = new(nameof(ResourceNotFound), ErrorCategory.ObjectNotFound, "A resource to read does not exist.");
        public static readonly ErrorId Throttled = new(nameof(Throttled), ErrorCategory.LimitsExceeded, "Azure kept throttling the reads past the retry budget.");
        public static readonly ErrorId EvidenceUnreadable = new(nameof(EvidenceUnreadable), ErrorCategory.ReadError, "Something could not be read for another reason; what depends on it stays Unknown.");

        // Test-AzVmBackupReadiness
        public static readonly ErrorId VmNotFound = new(nameof(VmNotFound), ErrorCategory.ObjectNotFound, "The VM does not exist.");
        public static readonly ErrorId InvalidVmResourceId = new(nameof(InvalidVmResourceId), ErrorCategory.InvalidArgument, "A resource id is malformed or not a VM's.");
        public static readonly ErrorId OutputFormatWithoutPath = new(nameof(OutputFormatWithoutPath), ErrorCategory.InvalidArgument, "-OutputFormat and -OutputPath were not given together.");
        public static readonly ErrorId ReportNotWritten = new(nameof(ReportNotWritten), ErrorCategory.WriteError, "The report file could not be written.");
        public static readonly ErrorId ReadinessAssertionFailed = new(nameof(ReadinessAssertionFailed), ErrorCategory.InvalidResult, "-Assert: a rule failed; the message names the VMs and rules.");

        // Get-AzBackupFailureDiagnosis
        public static readonly ErrorId LiveDiagnosisFailed = new(nameof(LiveDiagnosisFailed), ErrorCategory.ReadError, "A live diagnosis could not run at all.");
        public static readonly ErrorId ErrorCodeNotFound = new(nameof(ErrorCodeNotFound), ErrorCategory.ObjectNotFound, "-ErrorCode holds no documented code and matches no documented message.");
        public static readonly ErrorId ExportFileNotFound = new(nameof(ExportFileNotFound), ErrorCategory.ObjectNotFound, "A job export does not exist, or a -Path pattern matches none.");
        public static readonly ErrorId ExportFileInvalid = new(nameof(ExportFileInvalid), ErrorCategory.InvalidData, "A job export, or a job in it, is not a job export.");
        public static readonly ErrorId ExportFileUnreadable = new(nameof(ExportFileUnreadable), ErrorCategory.ReadError, "A job export could not be read.");

        // Evidence snapshots (Export-AzBackupEvidence, -EvidencePath)
        public static readonly ErrorId EvidenceFileNotFound = new(nameof(EvidenceFileNotFound), ErrorCategory.ObjectNotFound, "An evidence snapshot (-EvidencePath) does not exist.");
        public static readonly ErrorId EvidenceFileInvalid = new(nameof(EvidenceFileInvalid), ErrorCategory.InvalidData, "An evidence snapshot is malformed or not a snapshot; the message names the line and position.");
        public static readonly ErrorId EvidenceSchemaUnsupported = new(nameof(EvidenceSchemaUnsupported), ErrorCategory.InvalidData, "An evidence snapshot is of a schema version this module does not read; the message names both versions.");
        public static readonly ErrorId EvidenceFileUnreadable = new(nameof(EvidenceFileUnreadable), ErrorCategory.ReadError, "An evidence snapshot could not be read.");
        public static readonly ErrorId EvidenceFileNotWritten = new(nameof(EvidenceFileNotWritten), ErrorCategory.WriteError, "The evidence snapshot file could not be written.");

        // Get-AzBackupKnownIssue
        public static readonly ErrorId KnownIssueNotFound = new(nameof(KnownIssueNotFound), ErrorCategory.ObjectNotFound, "No known issue has the id or code.");
        public static readonly ErrorId KnownIssueInvalidPattern = new(nameof(KnownIssueInvalidPattern), ErrorCategory.InvalidArgument, "An -Id pattern is not a valid wildcard.");

        // Remediation
        public static readonly ErrorId BackupExtensionRepairRefused = new(nameof(BackupExtensionRepairRefused), ErrorCategory.InvalidOperation, "The VM's state does not allow the extension repair; nothing was changed.");
        public static readonly ErrorId BackupExtensionRepairFailed = new(nameof(BackupExtensionRepairFailed), ErrorCategory.InvalidOperation, "The extension repair failed.");
        public static readonly ErrorId InvalidRestorePointCollectionId = new(nameof(InvalidRestorePointCollectionId), ErrorCategory.InvalidArgument, "-RestorePointCollectionId is malformed or not a restore point collection's.");
        public static readonly ErrorId RestorePointCollectionUnreadable = new(nameof(RestorePointCollectionUnreadable), ErrorCategory.ReadError, "The restore point collection could not be read.");
        public static readonly ErrorId RestorePointCollectionWithoutSource = new(nameof(RestorePointCollectionWithoutSource), ErrorCategory.InvalidData, "The restore point collection names no source VM; it is left alone.");
        public static readonly ErrorId RestorePointLockPresent = new(nameof(RestorePointLockPresent), ErrorCategory.ResourceBusy, "Locks keep the restore points; nothing was changed (see -RemoveLock).");
        public static readonly ErrorId SubscriptionLockRemovalRefused = new(nameof(SubscriptionLockRemovalRefused), ErrorCategory.InvalidOperation, "A subscription lock is lifted only with -IncludeSubscriptionLock; nothing was changed.");
        public static readonly ErrorId RestorePointCleanupFailed = new(nameof(RestorePointCleanupFailed), ErrorCategory.InvalidOperation, "The restore point cleanup failed.");
        public static readonly ErrorId LockRestoreFailed = new(nameof(LockRestoreFailed), ErrorCategory.ResourceUnavailable, "A lifted lock could not be put back; the message has the command that does it.");

        // Restore-AzBackupLock
        public static readonly ErrorId LockJournalNotFound = new(nameof(LockJournalNotFound), ErrorCategory.ObjectNotFound, "The lock journal does not exist.");
        public static readonly ErrorId LockJournalUnreadable = new(nameof(LockJournalUnreadable), ErrorCategory.ReadError, "The lock journal could not be read.");
        public static readonly ErrorId LockJournalRestoreFailed = new(nameof(LockJournalRestoreFailed), ErrorCategory.InvalidOperation, "The locks of a journal could not be restored.");

        /// <summary>Every id, in the order above.</summary>
        public static IReadOnlyList<ErrorId> All { get; } = typeof(ErrorIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorId))
            .Select(f => (ErrorId)f.GetValue(null)!)
            .ToList();
    }
}
