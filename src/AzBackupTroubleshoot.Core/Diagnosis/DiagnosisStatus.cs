namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>Whether a failure could be explained.</summary>
    public enum DiagnosisStatus
    {
        /// <summary>Recognised as a documented error.</summary>
        Diagnosed,
        /// <summary>The job carried an error the knowledge base does not know.</summary>
        Unrecognized,
        /// <summary>The job carried no error details.</summary>
        NothingToDiagnose,
    }
}
