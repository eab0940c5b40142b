using System.Collections.Generic;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>One ordered remedy step, with the command to run when one exists.</summary>
    public sealed class DiagnosedRemedy
    {
        public DiagnosedRemedy(int step, string text, string? command, string? commandTemplate, string? seeAlso, IReadOnlyList<RemedyScript> scripts)
        {
            Step = step;
            Text = text;
            Command = command;
            CommandTemplate = commandTemplate;
            SeeAlso = seeAlso;
            Scripts = scripts;
        }

        public int Step { get; }
        public string Text { get; }

        /// <summary>Ready to run: the template with every placeholder filled from the failure; null when something is missing.</summary>
        public string? Command { get; }

        public string? CommandTemplate { get; }

        /// <summary>The procedure entry (C…) this step follows.</summary>
        public string? SeeAlso { get; }

        public IReadOnlyList<RemedyScript> Scripts { get; }

        public override string ToString() => $"{Step}. {Text}";
    }
}
