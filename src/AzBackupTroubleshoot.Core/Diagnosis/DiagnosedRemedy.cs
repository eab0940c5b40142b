using System.Collections.Generic;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>One ordered remedy step, with the command to run when one exists.</summary>
    public sealed class DiagnosedRemedy
    {
        public DiagnosedRemedy(
            int step, string text, string? command, string? commandTemplate, string? seeAlso, IReadOnlyList<RemedyScript> scripts, bool destructive = false, string? note = null,
            IReadOnlyList<string>? placeholders = null)
        {
            Placeholders = placeholders ?? [];
            Destructive = destructive;
            Note = note;
            Step = step;
            Text = text;
            Command = command;
            CommandTemplate = commandTemplate;
            SeeAlso = seeAlso;
            Scripts = scripts;
        }

        public int Step { get; }
        public string Text { get; }

        /// <summary>
        /// Ready to run: the template with every placeholder filled from the failure; null when something is missing,
        /// or when the step is destructive and the failure was not recognised surely enough (see <see cref="Note"/>).
        /// </summary>
        public string? Command { get; }

        public string? CommandTemplate { get; }

        /// <summary>The procedure entry (C…) this step follows.</summary>
        public string? SeeAlso { get; }

        public IReadOnlyList<RemedyScript> Scripts { get; }

        /// <summary>The step stops or deletes something.</summary>
        public bool Destructive { get; }

        /// <summary>
        /// The placeholders the command and scripts still hold (e.g. &lt;LockId&gt;, {VaultName}): what the evidence
        /// did not name a single value for; empty when every one was filled.
        /// </summary>
        public IReadOnlyList<string> Placeholders { get; }

        /// <summary>The step cannot be run as shown: something in its command or scripts is still to be filled in.</summary>
        public bool HasPlaceholders => Placeholders.Count > 0;

        /// <summary>Why the command is withheld or not ready to run, when it is.</summary>
        public string? Note { get; }

        public override string ToString() => $"{Step}. {Text}";
    }
}
