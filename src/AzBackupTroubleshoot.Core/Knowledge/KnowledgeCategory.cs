namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>Which part of the documentation an entry comes from.</summary>
    public enum KnowledgeCategory
    {
        VmBackup,
        AgentExtension,
        Procedure,
        JobCancellation,
        Restore,
        BackupServer,
    }
}
