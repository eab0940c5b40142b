using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>Decides whether the evidence confirms, excludes or cannot tell a documented cause.</summary>
    public interface ICauseJudge
    {
        DiagnosedCauseVerdict Judge(KnowledgeCause cause);
    }
}
