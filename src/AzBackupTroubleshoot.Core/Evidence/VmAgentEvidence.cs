using System.Collections.Generic;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>instanceView.vmAgent: the guest agent's own report.</summary>
    public sealed record VmAgentEvidence
    {
        public string? Version { get; init; }

        public IReadOnlyList<StatusEvidence> Statuses { get; init; } = [];

        /// <summary>The extension handlers the agent reports, with their status.</summary>
        public IReadOnlyList<ExtensionHandlerEvidence> ExtensionHandlers { get; init; } = [];
    }
}
