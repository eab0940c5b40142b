using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Completion;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Live;
using AzBackupTroubleshoot.Offline;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// Explains why Azure VM backup jobs failed: each job error is recognised in the knowledge base and returned with
    /// its meaning, documented causes and ordered remedies. Offline sources: bare codes, a JSON export of
    /// <c>az backup job list/show</c>, or job objects from Az.RecoveryServices on the pipeline. Live sources read the
    /// failed jobs from Azure — of a vault, of a VM (in the vault that protects it) or, with -All, of every vault in the
    /// subscriptions — and confirm or rule out each documented cause from the VM's ARM state.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "AzBackupFailureDiagnosis", DefaultParameterSetName = ErrorCodeSet)]
    [OutputType(typeof(BackupFailureDiagnosis))]
    public sealed class GetAzBackupFailureDiagnosisCommand : AzureCmdlet
    {
        private const string ErrorCodeSet = "ByErrorCode";
        private const string PathSet = "ByPath";
        private const string LiteralPathSet = "ByLiteralPath";
        private const string JobSet = "ByJob";
        private const string VaultNameSet = "ByVaultName";
        private const string VaultIdSet = "ByVaultId";
        private const string VmNameSet = "ByVMName";
        private const string VmIdSet = "ByVMResourceId";
        private const string SubscriptionSet = "BySubscription";
        private const string EvidenceSet = "ByEvidence";

        private readonly List<JobEvidence> _jobs = [];
        private FailureDiagnoser? _diagnoser;

        /// <summary>
        /// <para type="description">Error codes to explain: textual (UserErrorVmNotInDesirableState), numeric (320001) or hexadecimal (0x29834), bare or as pasted (Error code: X, 'code': 'X', Code="X", **X**, (ID: 34528)), or a whole pasted error message.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ErrorCodeSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ErrorCodeCompleter))]
        public string[] ErrorCode { get; set; } = [];

        /// <summary>
        /// <para type="description">JSON files written by az backup job list -o json or az backup job show -o json; wildcards are resolved.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = [];

        /// <summary>
        /// <para type="description">Job export files, taken exactly as written: no character is a wildcard. Files from Get-ChildItem bind here.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = [];

        /// <summary>
        /// <para type="description">The job id, from a job object on the pipeline (Get-AzRecoveryServicesBackupJob).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = VaultNameSet)]
        [Parameter(ParameterSetName = VaultIdSet)]
        [ValidateNotNullOrEmpty]
        public string? JobId { get; set; }

        /// <summary>
        /// <para type="description">The job's operation: Backup, Restore, ConfigureBackup and so on.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = VaultNameSet)]
        [Parameter(ParameterSetName = VaultIdSet)]
        [Parameter(ParameterSetName = VmNameSet)]
        [Parameter(ParameterSetName = VmIdSet)]
        [Parameter(ParameterSetName = SubscriptionSet)]
        public string? Operation { get; set; }

        /// <summary>
        /// <para type="description">The job's status: Failed, Completed, CompletedWithWarnings, InProgress, Cancelled.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        public string? Status { get; set; }

        /// <summary>
        /// <para type="description">The VM (or other workload) the job is for.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        public string? WorkloadName { get; set; }

        /// <summary>
        /// <para type="description">The job's backup management type, such as AzureVM.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        public string? BackupManagementType { get; set; }

        /// <summary>
        /// <para type="description">When the job started (UTC when no kind is given).</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        public DateTime? StartTime { get; set; }

        /// <summary>
        /// <para type="description">When the job ended.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        public DateTime? EndTime { get; set; }

        /// <summary>
        /// <para type="description">How long the job ran.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        public TimeSpan? Duration { get; set; }

        /// <summary>
        /// <para type="description">The job's errors: objects with ErrorCode, ErrorMessage and Recommendations.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public PSObject?[]? ErrorDetails { get; set; }

        /// <summary>
        /// <para type="description">Also list the jobs that did not fail (completed, in progress or cancelled, with no error details), as NothingToDiagnose results. Without it they are only counted, in the information stream.</para>
        /// </summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = JobSet)]
        public SwitchParameter IncludeAllJobs { get; set; }

        /// <summary>
        /// <para type="description">Live: the Recovery Services vault whose failed jobs to diagnose (with -ResourceGroupName).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = VaultNameSet)]
        [ValidateNotNullOrEmpty]
        public string? VaultName { get; set; }

        /// <summary>
        /// <para type="description">Live: the resource group of -VaultName or -VMName.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = VaultNameSet)]
        [Parameter(Mandatory = true, ParameterSetName = VmNameSet)]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroupName { get; set; }

        /// <summary>
        /// <para type="description">Live: the vault's resource id (ID of Get-AzRecoveryServicesVault on the pipeline).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = VaultIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ID")]
        [ValidateNotNullOrEmpty]
        public string? VaultId { get; set; }

        /// <summary>
        /// <para type="description">Live: the VM whose failed jobs to diagnose, in the vault that protects it (with -ResourceGroupName).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = VmNameSet)]
        [ValidateNotNullOrEmpty]
        public string? VMName { get; set; }

        /// <summary>
        /// <para type="description">Live: the VM's resource id.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = VmIdSet)]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>
        /// <para type="description">Live: every vault in the subscriptions (-SubscriptionId, else the Az context's).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = SubscriptionSet)]
        public SwitchParameter All { get; set; }

        /// <summary>
        /// <para type="description">Diagnose the failed jobs of an evidence snapshot (Export-AzBackupEvidence -FailedJobs, or of a vault) offline: no sign-in, the same diagnoses the live run gave.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = EvidenceSet)]
        [ValidateNotNullOrEmpty]
        public string? EvidencePath { get; set; }

        /// <summary>
        /// <para type="description">Live: the oldest job start to read. Default: 7 days ago.</para>
        /// </summary>
        [Parameter(ParameterSetName = VaultNameSet)]
        [Parameter(ParameterSetName = VaultIdSet)]
        [Parameter(ParameterSetName = VmNameSet)]
        [Parameter(ParameterSetName = VmIdSet)]
        [Parameter(ParameterSetName = SubscriptionSet)]
        public DateTime? Since { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _diagnoser = new FailureDiagnoser(KnowledgeBase.Default, OutputCulture);
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ErrorCodeSet:
                    foreach (var code in ErrorCode)
                    {
                        DiagnoseCode(code);
                    }

                    break;
                case PathSet:
                    foreach (var path in Path)
                    {
                        ReadExports(ResolvePath(path));
                    }

                    break;
                case LiteralPathSet:
                    foreach (var path in LiteralPath)
                    {
                        ReadExports([GetUnresolvedProviderPathFromPSPath(path)]);
                    }

                    break;
                case JobSet:
                    _jobs.Add(new JobEvidence
                    {
                        JobId = JobId!,
                        Operation = Operation,
                        Status = Status,
                        WorkloadName = WorkloadName,
                        BackupManagementType = BackupManagementType,
                        StartTime = PipelineJob.Time(StartTime),
                        EndTime = PipelineJob.Time(EndTime),
                        Duration = Duration,
                        Errors = PipelineJob.Errors(ErrorDetails ?? []),
                    });
                    break;
                case EvidenceSet:
                    DiagnoseSnapshot(GetUnresolvedProviderPathFromPSPath(EvidencePath));
                    break;
                default:
                    DiagnoseLive();
                    break;
            }
        }

        // Offline: the jobs and evidence the live run read, judged as it judged them, with what it could not read.
        private void DiagnoseSnapshot(string path)
        {
            var snapshot = EvidenceFile.Read(path, WriteError);
            if (snapshot == null)
            {
                return;
            }

            if (snapshot.FailedJobs == null)
            {
                WriteWarning($"The evidence snapshot '{path}' holds no failed jobs: it was taken for a readiness check. Judge it with Test-AzVmBackupReadiness -EvidencePath, or export with -FailedJobs.");
                return;
            }

            foreach (var problem in snapshot.Problems)
            {
                WriteError(ErrorRecords.Of(problem));
            }

            WriteObject(EvidenceDiagnosis.Diagnose(KnowledgeBase.Default, OutputCulture, snapshot.FailedJobs, snapshot.Vms), enumerateCollection: true);
        }

        private void DiagnoseLive()
        {
            var named = VaultId ?? ResourceId;
            var settings = ReadConnectionOptions(AzureResourceId.TryParse(named, out var id, out _) ? [id!.SubscriptionId] : []);
            var scopes = LiveScopes(settings);
            if (scopes.Count == 0)
            {
                ThrowTerminatingError(ErrorIds.SubscriptionNotGiven.Record(new ArgumentException("No subscription: give -SubscriptionId or sign in with Connect-AzAccount."), null));
            }

            var since = Since.HasValue ? PipelineJob.Time(Since) : null;
            try
            {
                var output = Run(() => LiveDiagnosisRunner.DiagnoseAsync(settings, scopes, since, Operation, JobId, OutputCulture, Cancellation));
                foreach (var problem in output.Problems)
                {
                    WriteError(problem);
                }

                WriteObject(output.Diagnoses, enumerateCollection: true);
            }
            catch (Exception ex) when (ex is not PipelineStoppedException and not OutOfMemoryException)
            {
                var target = string.Join(", ", scopes);
                WriteError(ErrorRecords.OfFailure(ex, ErrorIds.LiveDiagnosisFailed, target));
            }
        }

        // Names take the subscription from -SubscriptionId or the Az context; -All reads every subscription given.
        private List<string> LiveScopes(ConnectionOptions settings)
        {
            var first = settings.SubscriptionIds.Count == 0 ? null : settings.SubscriptionIds[0];
            return ParameterSetName switch
            {
                VaultIdSet => [VaultId!],
                VmIdSet => [ResourceId!],
                SubscriptionSet => settings.SubscriptionIds.Select(id => "/subscriptions/" + id).ToList(),
                _ when first == null => [],
                VaultNameSet => [$"/subscriptions/{first}/resourceGroups/{ResourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{VaultName}"],
                _ => [$"/subscriptions/{first}/resourceGroups/{ResourceGroupName}/providers/Microsoft.Compute/virtualMachines/{VMName}"],
            };
        }

        // Jobs are diagnosed together at the end so that repeats across the whole input fold into one result. Jobs that
        // did not fail are counted, not listed, unless asked for: an export of hundreds would bury the failures.
        protected override void EndProcessing()
        {
            var jobs = IncludeAllJobs ? _jobs : _jobs.Where(job => !JobsNotDiagnosed.IsLeftOut(job)).ToList();
            if (jobs.Count > 0)
            {
                WriteObject(_diagnoser!.DiagnoseJobs(jobs), enumerateCollection: true);
            }

            if (jobs.Count < _jobs.Count)
            {
                WriteInformation(new JobsNotDiagnosed(_jobs.Count - jobs.Count, OutputCulture), [JobsNotDiagnosed.Tag]);
            }
        }

        private void DiagnoseCode(string code)
        {
            var diagnoses = string.IsNullOrWhiteSpace(code) ? [] : _diagnoser!.DiagnosePasted(code);
            if (diagnoses.Count == 0)
            {
                WriteError(ErrorIds.ErrorCodeNotFound.Record(
                    new ItemNotFoundException($"'{code}' holds no documented Azure Backup error code, and its words match no documented message. Get-AzBackupKnownIssue -Search finds entries by words."),
                    code));
                return;
            }

            WriteObject(diagnoses, enumerateCollection: true);
        }

        private void ReadExports(IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                try
                {
                    var (jobs, invalidJobs) = JobExportFile.Read(file);
                    _jobs.AddRange(jobs);
                    foreach (var invalid in invalidJobs)
                    {
                        WriteInvalid(file, invalid);
                    }
                }
                catch (FileNotFoundException ex)
                {
                    WriteNotFound(file, ex);
                }
                catch (InvalidDataException ex)
                {
                    WriteInvalid(file, ex);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    WriteError(ErrorIds.ExportFileUnreadable.Record(ex, file));
                }
            }
        }

        // As PowerShell's own cmdlets read -Path: wildcards name the files they match, and matching none is an error.
        private IReadOnlyList<string> ResolvePath(string path)
        {
            try
            {
                var files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _);
                if (files.Count == 0)
                {
                    WriteNotFound(GetUnresolvedProviderPathFromPSPath(path), null, asPattern: true);
                }

                return files;
            }
            catch (ItemNotFoundException ex)
            {
                // No such file, or the folder in the pattern does not exist.
                WriteNotFound(GetUnresolvedProviderPathFromPSPath(path), ex, asPattern: WildcardPattern.ContainsWildcardCharacters(path));
                return [];
            }
            catch (SessionStateException ex)
            {
                // No such drive or provider.
                WriteNotFound(path, ex);
                return [];
            }
        }

        private void WriteInvalid(string file, InvalidDataException ex) =>
            WriteError(ErrorIds.ExportFileInvalid.Record(ex, file));

        private void WriteNotFound(string path, Exception? cause, bool asPattern = false) =>
            WriteError(ErrorIds.ExportFileNotFound.Record(
                new ItemNotFoundException(
                    asPattern
                        ? $"No job export matches '{path}'. -Path reads * ? [ ] as wildcards; -LiteralPath takes a name as written."
                        : $"The job export '{path}' does not exist.",
                    cause),
                path));
    }
}
