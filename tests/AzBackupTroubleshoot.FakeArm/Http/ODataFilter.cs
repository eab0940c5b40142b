using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>One clause of a filter: "field op 'value'" or "function()".</summary>
internal sealed record FilterClause(string Field, string Operator, string? Value)
{
    public bool IsFunction => Operator == "()";
}

/// <summary>
/// The OData subset ARM services accept in $filter: clauses joined by "and", each "name eq 'value'" (also ne, ge, le,
/// gt, lt; the value quoted or bare), "function()" such as atScope(), or "substringof('value', name)" (operator
/// "substringof").
/// </summary>
internal static class ODataFilter
{
    /// <summary>Parses <paramref name="filter"/>; throws <see cref="FormatException"/> when it is not in the subset.</summary>
    public static IReadOnlyList<FilterClause> Parse(string? filter)
    {
        var result = new List<FilterClause>();
        if (string.IsNullOrWhiteSpace(filter))
        {
            return result;
        }

        foreach (var part in SplitOnAnd(filter))
        {
            var clause = part.Trim();
            if (clause.Length == 0)
            {
                throw new FormatException("Empty clause in filter '" + filter + "'.");
            }

            if (clause.EndsWith("()", StringComparison.Ordinal) && !clause.Contains(' ', StringComparison.Ordinal))
            {
                result.Add(new FilterClause(clause[..^2], "()", null));
                continue;
            }

            if (clause.StartsWith("substringof(", StringComparison.OrdinalIgnoreCase))
            {
                result.Add(ParseSubstringOf(clause));
                continue;
            }

            var firstSpace = clause.IndexOf(' ', StringComparison.Ordinal);
            if (firstSpace <= 0)
            {
                throw new FormatException("Cannot read the clause '" + clause + "'.");
            }

            var field = clause[..firstSpace];
            var rest = clause[(firstSpace + 1)..].TrimStart();
            var secondSpace = rest.IndexOf(' ', StringComparison.Ordinal);
            if (secondSpace <= 0)
            {
                throw new FormatException("Cannot read the clause '" + clause + "'.");
            }

            var op = rest[..secondSpace].ToLowerInvariant();
            if (op is not ("eq" or "ne" or "ge" or "le" or "gt" or "lt"))
            {
                throw new FormatException("Unsupported operator '" + op + "' in '" + clause + "'.");
            }

            var value = rest[(secondSpace + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }

            result.Add(new FilterClause(field, op, value));
        }

        return result;
    }

    // substringof('value', field): the value quoted, the field bare.
    private static FilterClause ParseSubstringOf(string clause)
    {
        var close = clause.LastIndexOf('\'');
        if (!clause.EndsWith(')') || clause.IndexOf('\'', StringComparison.Ordinal) != "substringof(".Length || close <= "substringof(".Length)
        {
            throw new FormatException("Cannot read the clause '" + clause + "'.");
        }

        var value = clause["substringof('".Length..close].Replace("''", "'", StringComparison.Ordinal);
        var rest = clause[(close + 1)..^1].Trim();
        if (!rest.StartsWith(',') || rest[1..].Trim().Length == 0)
        {
            throw new FormatException("Cannot read the clause '" + clause + "'.");
        }

        return new FilterClause(rest[1..].Trim(), "substringof", value);
    }

    private static IEnumerable<string> SplitOnAnd(string filter)
    {
        var current = new StringBuilder();
        var inQuote = false;
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
            }

            if (!inQuote && i + 5 <= filter.Length && filter.AsSpan(i, 5).Equals(" and ", StringComparison.OrdinalIgnoreCase))
            {
                yield return current.ToString();
                current.Clear();
                i += 4;
                continue;
            }

            current.Append(c);
        }

        if (inQuote)
        {
            throw new FormatException("Unterminated quote in filter '" + filter + "'.");
        }

        yield return current.ToString();
    }

    /// <summary>
    /// Reads a filter date: the "yyyy-MM-dd hh:mm:ss AM" form Az PowerShell sends (hour 00 accepted), or ISO 8601. UTC.
    /// </summary>
    public static DateTimeOffset ParseDate(string value)
    {
        var v = value.Trim();
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso)
            && !v.EndsWith("AM", StringComparison.OrdinalIgnoreCase) && !v.EndsWith("PM", StringComparison.OrdinalIgnoreCase))
        {
            return iso;
        }

        var pm = v.EndsWith("PM", StringComparison.OrdinalIgnoreCase);
        var am = v.EndsWith("AM", StringComparison.OrdinalIgnoreCase);
        if (pm || am)
        {
            v = v[..^2].Trim();
        }

        if (!DateTime.TryParseExact(v, ["yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt))
        {
            throw new FormatException("Cannot read the date '" + value + "'.");
        }

        if (pm && dt.Hour < 12)
        {
            dt = dt.AddHours(12);
        }
        else if (am && dt.Hour == 12)
        {
            dt = dt.AddHours(-12);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
    }
}
