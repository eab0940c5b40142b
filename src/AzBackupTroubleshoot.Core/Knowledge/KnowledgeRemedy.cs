using System.Collections.Generic;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>One ordered remedy step.</summary>
    public sealed class KnowledgeRemedy
    {
        public KnowledgeRemedy(LocalizedText text, string? commandTemplate, string? seeAlso, IReadOnlyList<RemedyScript> scripts, bool destructive = false)
        {
            Destructive = destructive;
            Text = text;
            CommandTemplate = commandTemplate;
            SeeAlso = seeAlso;
            Scripts = scripts;
        }

        public LocalizedText Text { get; }

        /// <summary>A command of this module or of Az that performs the step, with {VmId}-style placeholders.</summary>
        public string? CommandTemplate { get; }

        /// <summary>The id of the procedure entry this step follows.</summary>
        public string? SeeAlso { get; }

        public IReadOnlyList<RemedyScript> Scripts { get; }

        /// <summary>
        /// The step stops or deletes something (protection, backup data, restore points, a lock, an extension, a
        /// running job or VM): its command is ready to run only when the error is recognised by its code or the
        /// evidence confirms a cause (<see cref="ConfidenceThresholds.DestructiveCommand"/>).
        /// </summary>
        public bool Destructive { get; }
    }
}
