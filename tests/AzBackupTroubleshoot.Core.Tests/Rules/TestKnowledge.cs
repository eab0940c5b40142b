using System.IO;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Rules
{
    /// <summary>A small knowledge base of its own, so these tests do not depend on the real data being written elsewhere.</summary>
    internal static class TestKnowledge
    {
        public const string Xml = """
            <knowledgeBase>
              <entry id="A9" category="VmBackup" evidence="Arm" appliesTo="VmBackup AgentExtension" topic="backup-azure-vms-troubleshoot#extensionstuckindeletionstate">
                <code>ExtensionStuckInDeletionState</code>
                <title><en>Backup extension stuck</en><zh-CN>备份扩展卡住</zh-CN><zh-TW>備份延伸模組卡住</zh-TW></title>
                <meaning><en>The extension is inconsistent.</en><zh-CN>扩展状态不一致。</zh-CN><zh-TW>延伸模組狀態不一致。</zh-TW></meaning>
                <remedy command="Repair-AzVmBackupExtension -ResourceId '{VmId}' -VaultName '{VaultName}' -VaultResourceGroupName '{VaultResourceGroupName}' -JobId '{JobId}'">
                  <en>Uninstall the backup extension; the next backup reinstalls it.</en>
                  <zh-CN>卸载备份扩展；下次备份会重新安装。</zh-CN>
                  <zh-TW>解除安裝備份延伸模組；下次備份會重新安裝。</zh-TW>
                </remedy>
                <remedy><en>Retry the backup.</en><zh-CN>重试备份。</zh-CN><zh-TW>重試備份。</zh-TW></remedy>
              </entry>
              <entry id="B1" category="AgentExtension" evidence="Arm" appliesTo="AgentExtension">
                <code>UserErrorGuestAgentStatusUnavailable</code>
                <title><en>Agent unavailable</en><zh-CN>代理不可用</zh-CN><zh-TW>代理程式無法使用</zh-TW></title>
                <meaning><en>The agent cannot talk to Azure Backup.</en><zh-CN>代理无法与 Azure 备份通信。</zh-CN><zh-TW>代理程式無法與 Azure 備份通訊。</zh-TW></meaning>
                <remedy see="C1">
                  <en>Restart the VM agent.</en>
                  <zh-CN>重新启动虚拟机代理。</zh-CN>
                  <zh-TW>重新啟動虛擬機器代理程式。</zh-TW>
                </remedy>
              </entry>
              <entry id="B4" category="AgentExtension" evidence="Arm" appliesTo="AgentExtension">
                <code>UserErrorRpCollectionLimitReached</code>
                <title><en>Collection full</en><zh-CN>集合已满</zh-CN><zh-TW>集合已滿</zh-TW></title>
                <meaning><en>The restore point collection is full.</en><zh-CN>还原点集合已满。</zh-CN><zh-TW>還原點集合已滿。</zh-TW></meaning>
                <remedy command="Clear-AzRestorePointCollection -VMName '{VMName}' -ResourceGroupName '{ResourceGroupName}'">
                  <en>Remove the lock and clean the collection.</en>
                  <zh-CN>删除锁并清理集合。</zh-CN>
                  <zh-TW>移除鎖定並清理集合。</zh-TW>
                </remedy>
              </entry>
            </knowledgeBase>
            """;

        public static KnowledgeBase Create() => new(KnowledgeBaseReader.Read(new StringReader(Xml), "TestKnowledge"));
    }
}
