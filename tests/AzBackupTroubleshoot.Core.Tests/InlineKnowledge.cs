using System.IO;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests
{
    /// <summary>Small knowledge bases written inline, so unit tests do not depend on the shipped data.</summary>
    internal static class InlineKnowledge
    {
        public static KnowledgeBase From(string entriesXml) =>
            new(KnowledgeBaseReader.Read(new StringReader("<knowledgeBase>" + entriesXml + "</knowledgeBase>"), "test"));

        public static string Text(string element, string english) =>
            $"<{element}><en>{english}</en><zh-CN>简体 {english}</zh-CN><zh-TW>繁體 {english}</zh-TW></{element}>";

        public static string Entry(string id, string codes, string messages, string causes = "", string remedies = "") =>
            $"<entry id=\"{id}\" category=\"VmBackup\" evidence=\"Arm\" appliesTo=\"VmBackup\" topic=\"backup-azure-vms-troubleshoot#{id.ToLowerInvariant()}\">"
            + codes + messages + Text("title", "Title " + id) + Text("meaning", "Meaning " + id) + causes
            + (remedies.Length > 0 ? remedies : Text("remedy", "Retry " + id)) + "</entry>";

        public static readonly KnowledgeBase Sample = From(
            Entry("A3", "<code>UserErrorVmNotInDesirableState</code><code>VmNotInDesirableState</code>", "<message>VM is not in a state that allows backups</message>",
                "<cause id=\"transitional\" checks=\"VM.PowerState\"><en>Transitional state</en><zh-CN>过渡</zh-CN><zh-TW>過渡</zh-TW></cause>"
                + "<cause id=\"no-agent\" checks=\"Agent.Installed Agent.Ready\"><en>No agent</en><zh-CN>无代理</zh-CN><zh-TW>無代理</zh-TW></cause>"
                + "<cause id=\"selinux\"><en>Hardened kernel</en><zh-CN>内核</zh-CN><zh-TW>核心</zh-TW></cause>")
            + Entry("A12", "<code>320001</code><code>ResourceNotFound</code><code>400094</code>", "<message>Could not perform the operation as VM no longer exists</message>")
            + Entry("B4", "<code>UserErrorRpCollectionLimitReached</code>", "<message>The Restore Point collection max limit has reached</message>", string.Empty,
                "<remedy command=\"Clear-AzRestorePointCollection -ResourceId '{VmId}' -RemoveLock\"><en>Clean up</en><zh-CN>清理</zh-CN><zh-TW>清理</zh-TW><script shell=\"cmd\">net start VSS</script></remedy>"
                + Text("remedy", "One backup a day"))
            + Entry("D1", string.Empty, "<message>Cancellation is not supported for this job type</message>")
            + Entry("F12", "<code>0x29834</code>", "<message>policy change failed retention</message>"));
    }
}
