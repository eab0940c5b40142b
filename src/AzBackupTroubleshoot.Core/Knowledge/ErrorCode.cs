using System;
using System.Globalization;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>
    /// A code as the service writes it. Jobs carry integer codes, the backup-status API and logs carry textual
    /// ones, and Backup Server shows some in hexadecimal; numeric and hexadecimal forms of one number are equal.
    /// </summary>
    public readonly struct ErrorCode : IEquatable<ErrorCode>
    {
        private ErrorCode(string text, long? number)
        {
            Text = text;
            Number = number;
        }

        /// <summary>The code as written.</summary>
        public string Text { get; }

        /// <summary>The numeric value when the code is a decimal or 0x-hexadecimal number.</summary>
        public long? Number { get; }

        public bool IsNumeric => Number.HasValue;

        public static ErrorCode Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException("An error code cannot be empty.", nameof(text));
            }

            var trimmed = text.Trim();
            if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return new ErrorCode(trimmed, number);
            }

            if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(trimmed.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number))
            {
                return new ErrorCode(trimmed, number);
            }

            return new ErrorCode(trimmed, null);
        }

        /// <summary>The key two spellings of the same code share.</summary>
        internal string Key => Number.HasValue
            ? Number.Value.ToString(CultureInfo.InvariantCulture)
            : Text.ToUpperInvariant();

        public bool Equals(ErrorCode other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ErrorCode other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        public override string ToString() => Text;

        public static bool operator ==(ErrorCode left, ErrorCode right) => left.Equals(right);

        public static bool operator !=(ErrorCode left, ErrorCode right) => !left.Equals(right);
    }
}
