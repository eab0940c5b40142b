using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzBackupTroubleshoot.Completion;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Output;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>Browses the knowledge base of documented Azure VM backup errors: by id, by code, by text, by category.</summary>
    [Cmdlet(VerbsCommon.Get, "AzBackupKnownIssue", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(KnownIssue))]
    public sealed class GetAzBackupKnownIssueCommand : LocalizedCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "ById";
        private const string CodeSet = "ByCode";

        /// <summary>
        /// <para type="description">Entry ids (checklist rows such as A12 or B4); wildcards allowed.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("KnowledgeId")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KnownIssueIdCompleter))]
        public string[] Id { get; set; } = [];

        /// <summary>
        /// <para type="description">Error codes as the service writes them: textual (UserErrorRpCollectionLimitReached), numeric (320001) or hexadecimal (0x29834); case does not matter.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = CodeSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ErrorCodeCompleter))]
        public string[] Code { get; set; } = [];

        /// <summary>
        /// <para type="description">Words that must all appear in an entry's id, codes, messages, or text in any language.</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        /// <summary>
        /// <para type="description">Only entries of these categories.</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(CategoryCompleter))]
        public KnowledgeCategory[] Category { get; set; } = [];

        protected override void ProcessRecord()
        {
            var knowledge = KnowledgeBase.Default;
            var culture = OutputCulture;
            var entries = ParameterSetName switch
            {
                IdSet => Id.SelectMany(id => ById(knowledge, id)),
                CodeSet => Code.SelectMany(code => ByCode(knowledge, code)),
                _ => List(knowledge),
            };
            foreach (var entry in entries)
            {
                WriteObject(KnownIssue.From(entry, culture));
            }
        }

        private IEnumerable<KnowledgeEntry> List(KnowledgeBase knowledge)
        {
            var entries = Search == null ? knowledge.Entries : knowledge.Search(Search);
            return Category.Length == 0 ? entries : entries.Where(e => Category.Contains(e.Category));
        }

        private IEnumerable<KnowledgeEntry> ById(KnowledgeBase knowledge, string id)
        {
            if (WildcardPattern.ContainsWildcardCharacters(id))
            {
                var pattern = WildcardPattern.Get(id, WildcardOptions.IgnoreCase);
                try
                {
                    // Matched here, not lazily, so that a bad pattern is this value's error and not the whole call's.
                    return knowledge.Entries.Where(e => pattern.IsMatch(e.Id)).ToList();
                }
                catch (WildcardPatternException ex)
                {
                    WriteError(ErrorIds.KnownIssueInvalidPattern.Record(
                        new ArgumentException($"'{id}' is not a valid wildcard pattern for an id: every '[' needs its ']'.", ex), id));
                    return [];
                }
            }

            var entry = knowledge.Get(id.Trim());
            if (entry == null)
            {
                WriteNotFound($"No known issue has the id '{id}'.", id);
                return [];
            }

            return [entry];
        }

        private IEnumerable<KnowledgeEntry> ByCode(KnowledgeBase knowledge, string code)
        {
            var entry = string.IsNullOrWhiteSpace(code) ? null : knowledge.FindByCode(ErrorCode.Parse(code));
            if (entry == null)
            {
                WriteNotFound($"No known issue has the error code '{code}'.", code);
                return [];
            }

            return [entry];
        }

        private void WriteNotFound(string message, string target) =>
            WriteError(ErrorIds.KnownIssueNotFound.Record(new ItemNotFoundException(message), target));
    }
}
