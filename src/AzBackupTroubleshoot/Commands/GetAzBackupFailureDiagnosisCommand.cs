using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using AzBackupTroubleshoot.Completion;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Offline;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// Explains why Azure VM backup jobs failed: each job error is recognised in the knowledge base and returned with
    /// its meaning, documented causes and ordered remedies. Offline sources: bare codes, a JSON export of
    /// <c>az backup job list/show</c>, or job objects from Az.RecoveryServices on the pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "AzBackupFailureDiagnosis", DefaultParameterSetName = ErrorCodeSet)]
    [OutputType(typeof(BackupFailureDiagnosis))]
    public sealed class GetAzBackupFailureDiagnosisCommand : LocalizedCmdlet
    {
        private const string ErrorCodeSet = "ByErrorCode";
        private const string PathSet = "ByPath";
        private const string JobSet = "ByJob";

        private readonly List<JobEvidence> _jobs = [];
        private FailureDiagnoser? _diagnoser;

        /// <summary>
        /// <para type="description">Error codes to explain: textual (UserErrorVmNotInDesirableState), numeric (320001) or hexadecimal (0x29834).</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ErrorCodeSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ErrorCodeCompleter))]
        public string[] ErrorCode { get; set; } = [];

        /// <summary>
        /// <para type="description">JSON files written by az backup job list -o json or az backup job show -o json.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = [];

        /// <summary>
        /// <para type="description">The job id, from a job object on the pipeline (Get-AzRecoveryServicesBackupJob).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? JobId { get; set; }

        /// <summary>
        /// <para type="description">The job's operation: Backup, Restore, ConfigureBackup and so on.</para>
        /// </summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipelineByPropertyName = true)]
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

        protected override void BeginProcessing() => _diagnoser = new FailureDiagnoser(KnowledgeBase.Default, OutputCulture);

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
                        ReadExport(path);
                    }

                    break;
                default:
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
            }
        }

        // Jobs are diagnosed together at the end so that repeats across the whole input fold into one result.
        protected override void EndProcessing()
        {
            if (_jobs.Count > 0)
            {
                WriteObject(_diagnoser!.DiagnoseJobs(_jobs), enumerateCollection: true);
            }
        }

        private void DiagnoseCode(string code)
        {
            var diagnosis = string.IsNullOrWhiteSpace(code) ? null : _diagnoser!.DiagnoseCode(code);
            if (diagnosis == null)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"The error code '{code}' is not a documented Azure Backup error. Get-AzBackupKnownIssue -Search finds entries by words."),
                    "ErrorCodeNotFound",
                    ErrorCategory.ObjectNotFound,
                    code));
                return;
            }

            WriteObject(diagnosis);
        }

        private void ReadExport(string path)
        {
            foreach (var file in ExportFiles(path))
            {
                try
                {
                    _jobs.AddRange(JobExportFile.Read(file));
                }
                catch (FileNotFoundException ex)
                {
                    WriteNotFound(file, ex);
                }
                catch (InvalidDataException ex)
                {
                    WriteError(new ErrorRecord(ex, "ExportFileInvalid", ErrorCategory.InvalidData, file));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(ex, "ExportFileUnreadable", ErrorCategory.ReadError, file));
                }
            }
        }

        // A path with wildcards names the files it matches (none is an error, as for Get-Content); any other path is taken literally.
        private IEnumerable<string> ExportFiles(string path)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                return [GetUnresolvedProviderPathFromPSPath(path)];
            }

            try
            {
                var files = GetResolvedProviderPathFromPSPath(path, out _);
                if (files.Count == 0)
                {
                    WriteNotFound(GetUnresolvedProviderPathFromPSPath(path), null);
                }

                return files;
            }
            catch (ItemNotFoundException ex)
            {
                // The folder part of the pattern does not exist.
                WriteNotFound(GetUnresolvedProviderPathFromPSPath(path), ex);
                return [];
            }
        }

        private void WriteNotFound(string path, Exception? cause) =>
            WriteError(new ErrorRecord(
                new ItemNotFoundException($"The job export '{path}' does not exist.", cause), "ExportFileNotFound", ErrorCategory.ObjectNotFound, path));
    }
}
