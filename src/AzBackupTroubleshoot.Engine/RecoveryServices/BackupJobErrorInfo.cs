using System.Collections.Generic;
using System.Text.Json;

namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>One errorDetails[] entry of a job; errorCode is a number for IaaS VM jobs and text elsewhere.</summary>
    public sealed class BackupJobErrorInfo
    {
        public JsonElement ErrorCode { get; set; }

        public string? ErrorString { get; set; }

        public List<string>? Recommendations { get; set; }

        public string? CodeText => ErrorCode.ValueKind switch
        {
            JsonValueKind.String => ErrorCode.GetString(),
            JsonValueKind.Number => ErrorCode.GetRawText(),
            _ => null,
        };
    }
}
