using System;
using System.Management.Automation;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>One error the module can write: its stable id, its category, and what it means (for the README's table).</summary>
    public sealed class ErrorId
    {
        internal ErrorId(string name, ErrorCategory category, string meaning, string simplifiedChinese, string traditionalChinese)
        {
            Name = name;
            Category = category;
            Text = new LocalizedText(meaning, simplifiedChinese, traditionalChinese);
        }

        /// <summary>The FullyQualifiedErrorId's first part; never renamed once released.</summary>
        public string Name { get; }

        public ErrorCategory Category { get; }

        public string Meaning => Text.English;

        /// <summary>What the id means in the three languages: the text a localized error message starts from.</summary>
        public LocalizedText Text { get; }

        /// <summary>The error record with this id and category.</summary>
        internal ErrorRecord Record(Exception exception, object? target) => Record(exception, target, Category);

        /// <summary>The error record with this id, in the category of what the failure turned out to be (a bad argument, bad data).</summary>
        internal ErrorRecord Record(Exception exception, object? target, ErrorCategory category) => new ErrorRecord(exception, Name, category, target);

        public override string ToString() => Name;
    }
}
