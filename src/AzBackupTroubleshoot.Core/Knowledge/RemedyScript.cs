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

        public override string ToString() => Text;
    }
}
