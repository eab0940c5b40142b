using System.Globalization;
using System.Management.Automation;
using AzBackupTroubleshoot.Completion;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>A cmdlet whose output text follows $PSUICulture unless -Culture says otherwise.</summary>
    public abstract class LocalizedCmdlet : PSCmdlet
    {
        /// <summary>
        /// <para type="description">The language of the output: en-US, zh-CN or zh-TW (zh-HK, zh-SG and the like map to the nearest). Default: $PSUICulture.</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(CultureCompleter))]
        public CultureInfo? Culture { get; set; }

        /// <summary>The language the output is written in.</summary>
        protected SupportedCulture OutputCulture => SupportedCultureResolver.From(Culture ?? Host.CurrentUICulture);

        /// <summary>Whether this cmdlet warns of locks an earlier run lifted and did not put back (not the cmdlet that puts them back).</summary>
        protected virtual bool WarnsOfUnrestoredLocks => true;

        protected override void BeginProcessing()
        {
            if (WarnsOfUnrestoredLocks)
            {
                UnrestoredLockWarning.WriteFor(this);
            }
        }
    }
}
