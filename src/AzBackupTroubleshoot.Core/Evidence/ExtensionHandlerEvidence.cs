namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>instanceView.vmAgent.extensionHandlers[]: what the agent says about an extension handler.</summary>
    public sealed record ExtensionHandlerEvidence(string Type, string? TypeHandlerVersion, StatusEvidence? Status);
}
