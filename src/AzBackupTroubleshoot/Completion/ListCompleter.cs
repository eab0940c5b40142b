using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AzBackupTroubleshoot.Completion
{
    /// <summary>Tab completion from a fixed list of values: those starting with what was typed, in list order.</summary>
    public abstract class ListCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Candidates()
                .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(c.Value, c.Value, CompletionResultType.ParameterValue, c.ToolTip));
        }

        /// <summary>Every value the parameter accepts, with the text shown beside it.</summary>
        protected abstract IEnumerable<(string Value, string ToolTip)> Candidates();
    }
}
