namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>An exact command, registry key, path or setting to use inside the guest; never translated.</summary>
    public sealed class RemedyScript
    {
        public RemedyScript(string shell, string text)
        {
            Shell = shell;
            Text = text;
        }

        /// <summary>cmd, powershell, bash, registry or config.</summary>
        public string Shell { get; }
        public string Text { get; }

        /// <summary>
        /// What a console view puts before the script: "PS>" for PowerShell, the prompt of every command this module
        /// shows; the shell's own name for the others (cmd>, bash>, registry>, config>).
        /// </summary>
        public string Prompt => Shell == "powershell" ? "PS>" : Shell + ">";

        public override string ToString() => Text;
    }
}
