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
        public static readonly ErrorId ArmEndpointNotHttps = new(nameof(ArmEndpointNotHttps), ErrorCategory.InvalidArgument, "-ArmEndpoint is not an https address.", "-ArmEndpoint 不是 https 地址。", "-ArmEndpoint 不是 https 位址。");
        public static readonly ErrorId ArmAudienceWithoutEndpoint = new(nameof(ArmAudienceWithoutEndpoint), ErrorCategory.InvalidArgument, "-ArmAudience was given without -ArmEndpoint.", "指定了 -ArmAudience，但没有指定 -ArmEndpoint。", "指定了 -ArmAudience，但沒有指定 -ArmEndpoint。");
        public static readonly ErrorId TlsValidationFailed = new(nameof(TlsValidationFailed), ErrorCategory.SecurityError, "The server's certificate failed TLS validation; nothing was sent.", "服务器证书未通过 TLS 验证；未发送任何内容。", "伺服器憑證未通過 TLS 驗證；未傳送任何內容。");
        public static readonly ErrorId ArmAudienceRefused = new(nameof(ArmAudienceRefused), ErrorCategory.SecurityError, "The endpoint's token audience is not a management audience; no token was sent.", "该终结点的令牌受众不是管理受众；未发送令牌。", "此端點的權杖對象不是管理對象；未傳送權杖。");
        public static readonly ErrorId SubscriptionNotGiven = new(nameof(SubscriptionNotGiven), ErrorCategory.InvalidArgument, "No subscription: none given, none in a resource id, none in the Az context.", "没有订阅：未指定订阅，资源 ID 中没有，Az 上下文中也没有。", "沒有訂用帳戶：未指定訂用帳戶，資源識別碼中沒有，Az 內容中也沒有。");
        public static readonly ErrorId TimedOut = new(nameof(TimedOut), ErrorCategory.OperationTimeout, "The work took longer than -TimeoutSec and was stopped.", "工作超过了 -TimeoutSec 的时间，已被停止。", "工作超過了 -TimeoutSec 的時間，已被停止。");

        // Reading Azure (one per ReadProblemKind)
        public static readonly ErrorId AuthorizationFailed = new(nameof(AuthorizationFailed), ErrorCategory.PermissionDenied, "A read was refused; the message names the missing permission.", "读取请求被拒绝；消息中指出了缺少的权限。", "讀取要求被拒絕；訊息中指出了缺少的權限。");
        public static readonly ErrorId ResourceNotFound = new(nameof(ResourceNotFound), ErrorCategory.ObjectNotFound, "A resource to read does not exist.", "要读取的资源不存在。", "要讀取的資源不存在。");
        public static readonly ErrorId Throttled = new(nameof(Throttled), ErrorCategory.LimitsExceeded, "Azure kept throttling the reads past the retry budget.", "Azure 持续限制读取请求，超出了重试预算。", "Azure 持續節流讀取要求，超出了重試預算。");
        public static readonly ErrorId EvidenceUnreadable = new(nameof(EvidenceUnreadable), ErrorCategory.ReadError, "Something could not be read for another reason; what depends on it stays Unknown.", "由于其他原因无法读取某些内容；依赖它的检查结果保持为 Unknown。", "由於其他原因無法讀取某些內容；依賴它的檢查結果維持為 Unknown。");

        // Test-AzVmBackupReadiness
        public static readonly ErrorId VmNotFound = new(nameof(VmNotFound), ErrorCategory.ObjectNotFound, "The VM does not exist.", "虚拟机不存在。", "虛擬機器不存在。");
        public static readonly ErrorId InvalidVmResourceId = new(nameof(InvalidVmResourceId), ErrorCategory.InvalidArgument, "A resource id is malformed or not a VM's.", "资源 ID 格式错误，或不是虚拟机的 ID。", "資源識別碼格式錯誤，或不是虛擬機器的識別碼。");
        public static readonly ErrorId OutputFormatWithoutPath = new(nameof(OutputFormatWithoutPath), ErrorCategory.InvalidArgument, "-OutputFormat and -OutputPath were not given together.", "-OutputFormat 和 -OutputPath 必须同时指定。", "-OutputFormat 與 -OutputPath 必須同時指定。");
        public static readonly ErrorId ReportNotWritten = new(nameof(ReportNotWritten), ErrorCategory.WriteError, "The report file could not be written.", "无法写入报告文件。", "無法寫入報告檔案。");
        public static readonly ErrorId ReadinessAssertionFailed = new(nameof(ReadinessAssertionFailed), ErrorCategory.InvalidResult, "-Assert: a rule failed; the message names the VMs and rules.", "-Assert：有规则未通过；消息中列出了相关虚拟机和规则。", "-Assert：有規則未通過；訊息中列出了相關虛擬機器與規則。");

        // Get-AzBackupFailureDiagnosis
        public static readonly ErrorId LiveDiagnosisFailed = new(nameof(LiveDiagnosisFailed), ErrorCategory.ReadError, "A live diagnosis could not run at all.", "实时诊断完全无法运行。", "即時診斷完全無法執行。");
        public static readonly ErrorId ErrorCodeNotFound = new(nameof(ErrorCodeNotFound), ErrorCategory.ObjectNotFound, "-ErrorCode holds no documented code and matches no documented message.", "-ErrorCode 中没有已记录的错误代码，也不匹配任何已记录的消息。", "-ErrorCode 中沒有已記錄的錯誤碼，也不符合任何已記錄的訊息。");
        public static readonly ErrorId ExportFileNotFound = new(nameof(ExportFileNotFound), ErrorCategory.ObjectNotFound, "A job export does not exist, or a -Path pattern matches none.", "作业导出文件不存在，或 -Path 模式没有匹配任何文件。", "作業匯出檔案不存在，或 -Path 模式沒有符合任何檔案。");
        public static readonly ErrorId ExportFileInvalid = new(nameof(ExportFileInvalid), ErrorCategory.InvalidData, "A job export, or a job in it, is not a job export.", "作业导出文件或其中的某个作业不是有效的作业导出。", "作業匯出檔案或其中的某個作業不是有效的作業匯出。");
        public static readonly ErrorId ExportFileUnreadable = new(nameof(ExportFileUnreadable), ErrorCategory.ReadError, "A job export could not be read.", "无法读取作业导出文件。", "無法讀取作業匯出檔案。");

        // Evidence snapshots (Export-AzBackupEvidence, -EvidencePath)
        public static readonly ErrorId EvidenceFileNotFound = new(nameof(EvidenceFileNotFound), ErrorCategory.ObjectNotFound, "An evidence snapshot (-EvidencePath) does not exist.", "证据快照（-EvidencePath）不存在。", "證據快照（-EvidencePath）不存在。");
        public static readonly ErrorId EvidenceFileInvalid = new(nameof(EvidenceFileInvalid), ErrorCategory.InvalidData, "An evidence snapshot is malformed or not a snapshot; the message names the line and position.", "证据快照格式错误或不是快照；消息中指出了行号和位置。", "證據快照格式錯誤或不是快照；訊息中指出了行號與位置。");
        public static readonly ErrorId EvidenceSchemaUnsupported = new(nameof(EvidenceSchemaUnsupported), ErrorCategory.InvalidData, "An evidence snapshot is of a schema version this module does not read; the message names both versions.", "证据快照的架构版本不受本模块支持；消息中列出了两个版本。", "證據快照的結構描述版本不受本模組支援；訊息中列出了兩個版本。");
        public static readonly ErrorId EvidenceFileUnreadable = new(nameof(EvidenceFileUnreadable), ErrorCategory.ReadError, "An evidence snapshot could not be read.", "无法读取证据快照。", "無法讀取證據快照。");
        public static readonly ErrorId EvidenceFileNotWritten = new(nameof(EvidenceFileNotWritten), ErrorCategory.WriteError, "The evidence snapshot file could not be written.", "无法写入证据快照文件。", "無法寫入證據快照檔案。");

        // Get-AzBackupKnownIssue
        public static readonly ErrorId KnownIssueNotFound = new(nameof(KnownIssueNotFound), ErrorCategory.ObjectNotFound, "No known issue has the id or code.", "没有已知问题具有该 ID 或代码。", "沒有已知問題具有此識別碼或代碼。");
        public static readonly ErrorId KnownIssueInvalidPattern = new(nameof(KnownIssueInvalidPattern), ErrorCategory.InvalidArgument, "An -Id pattern is not a valid wildcard.", "-Id 模式不是有效的通配符。", "-Id 模式不是有效的萬用字元。");

        // Remediation
        public static readonly ErrorId BackupExtensionRepairRefused = new(nameof(BackupExtensionRepairRefused), ErrorCategory.InvalidOperation, "The VM's state does not allow the extension repair; nothing was changed.", "虚拟机的状态不允许修复扩展；未做任何更改。", "虛擬機器的狀態不允許修復延伸模組；未做任何變更。");
        public static readonly ErrorId BackupExtensionRepairFailed = new(nameof(BackupExtensionRepairFailed), ErrorCategory.InvalidOperation, "The extension repair failed.", "扩展修复失败。", "延伸模組修復失敗。");
        public static readonly ErrorId InvalidRestorePointCollectionId = new(nameof(InvalidRestorePointCollectionId), ErrorCategory.InvalidArgument, "-RestorePointCollectionId is malformed or not a restore point collection's.", "-RestorePointCollectionId 格式错误，或不是还原点集合的 ID。", "-RestorePointCollectionId 格式錯誤，或不是還原點集合的識別碼。");
        public static readonly ErrorId RestorePointCollectionUnreadable = new(nameof(RestorePointCollectionUnreadable), ErrorCategory.ReadError, "The restore point collection could not be read.", "无法读取还原点集合。", "無法讀取還原點集合。");
        public static readonly ErrorId RestorePointCollectionWithoutSource = new(nameof(RestorePointCollectionWithoutSource), ErrorCategory.InvalidData, "The restore point collection names no source VM; it is left alone.", "还原点集合没有指明源虚拟机；未对其做任何操作。", "還原點集合沒有指明來源虛擬機器；未對其做任何操作。");
        public static readonly ErrorId RestorePointLockPresent = new(nameof(RestorePointLockPresent), ErrorCategory.ResourceBusy, "Locks keep the restore points; nothing was changed (see -RemoveLock).", "有锁保护着还原点；未做任何更改（请参阅 -RemoveLock）。", "有鎖定保護著還原點；未做任何變更（請參閱 -RemoveLock）。");
        public static readonly ErrorId SubscriptionLockRemovalRefused = new(nameof(SubscriptionLockRemovalRefused), ErrorCategory.InvalidOperation, "A subscription lock is lifted only with -IncludeSubscriptionLock; nothing was changed.", "只有指定 -IncludeSubscriptionLock 才会解除订阅锁；未做任何更改。", "只有指定 -IncludeSubscriptionLock 才會解除訂用帳戶鎖定；未做任何變更。");
        public static readonly ErrorId RestorePointCleanupFailed = new(nameof(RestorePointCleanupFailed), ErrorCategory.InvalidOperation, "The restore point cleanup failed.", "还原点清理失败。", "還原點清理失敗。");
        public static readonly ErrorId LockRestoreFailed = new(nameof(LockRestoreFailed), ErrorCategory.ResourceUnavailable, "A lifted lock could not be put back; the message has the command that does it.", "已解除的锁无法恢复；消息中附有恢复它的命令。", "已解除的鎖定無法還原；訊息中附有還原它的命令。");

        // Restore-AzBackupLock
        public static readonly ErrorId LockJournalNotFound = new(nameof(LockJournalNotFound), ErrorCategory.ObjectNotFound, "The lock journal does not exist.", "锁日志不存在。", "鎖定日誌不存在。");
        public static readonly ErrorId LockJournalUnreadable = new(nameof(LockJournalUnreadable), ErrorCategory.ReadError, "The lock journal could not be read.", "无法读取锁日志。", "無法讀取鎖定日誌。");
        public static readonly ErrorId LockJournalRestoreFailed = new(nameof(LockJournalRestoreFailed), ErrorCategory.InvalidOperation, "The locks of a journal could not be restored.", "无法恢复日志中的锁。", "無法還原日誌中的鎖定。");

        /// <summary>Every id, in the order above.</summary>
        public static IReadOnlyList<ErrorId> All { get; } = typeof(ErrorIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorId))
            .Select(f => (ErrorId)f.GetValue(null)!)
            .ToList();
    }
}
