using System.Text;

namespace Accreditation.Sidecar.Components;

/// <summary>
/// A small reader for the block-style YAML that Dapr resource files use: mappings, sequences
/// (including "- key: value" items), plain/quoted scalars, literal (|) and folded (&gt;) scalars,
/// simple flow sequences ([a, b]), comments and "---" document separators. Anchors, tags and
/// multi-line flow collections are not supported. Nodes are <see cref="Dictionary{TKey,TValue}"/>
/// (string keys, ordinal), <see cref="List{T}"/> and <see cref="string"/>; null for empty values.
/// </summary>
public static class MiniYaml
{
    public static IReadOnlyList<object?> ReadDocuments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var documents = new List<object?>();
        var current = new List<Line>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            var trimmed = raw.TrimEnd();
            if (trimmed is "---" or "...")
            {
                AddDocument(documents, current);
                current = [];
                continue;
            }

            var content = StripComment(trimmed);
            if (content.Trim().Length == 0)
            {
                continue;
            }

            if (content.Contains('\t', StringComparison.Ordinal) && content.TrimStart(' ').StartsWith('\t'))
            {
                throw new FormatException($"line {number}: tabs are not allowed for indentation");
            }

            var indent = content.Length - content.TrimStart(' ').Length;
            current.Add(new Line(indent, content[indent..], number, raw));
        }

        AddDocument(documents, current);
        return documents;
    }

    private static void AddDocument(List<object?> documents, List<Line> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var parser = new Parser(lines);
        documents.Add(parser.ParseDocument());
    }

    private static string StripComment(string line)
    {
        var inSingle = false;
        var inDouble = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'' && !inDouble)
            {
                inSingle = !inSingle;
            }
            else if (c == '"' && !inSingle && (i == 0 || line[i - 1] != '\\'))
            {
                inDouble = !inDouble;
            }
            else if (c == '#' && !inSingle && !inDouble && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i].TrimEnd();
            }
        }

        return line;
    }

    private sealed record Line(int Indent, string Text, int Number, string Raw);

    private sealed class Parser(List<Line> lines)
    {
        private int _pos;

        public object? ParseDocument()
        {
            var node = ParseBlock(lines[0].Indent);
            if (_pos < lines.Count)
            {
                throw new FormatException($"line {lines[_pos].Number}: unexpected indentation");
            }

            return node;
        }

        private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

        private object? ParseBlock(int indent)
        {
            var line = lines[_pos];
            if (IsSequenceItem(line.Text))
            {
                return ParseSequence(indent);
            }

            if (FindKeySeparator(line.Text) < 0)
            {
                _pos++;
                return Scalar(line.Text, line.Number);
            }

            return ParseMapping(indent);
        }

        private List<object?> ParseSequence(int indent)
        {
            var items = new List<object?>();
            while (_pos < lines.Count && lines[_pos].Indent == indent && IsSequenceItem(lines[_pos].Text))
            {
                var line = lines[_pos];
                var rest = line.Text.Length > 1 ? line.Text[1..] : "";
                var itemText = rest.TrimStart(' ');
                if (itemText.Length == 0)
                {
                    _pos++;
                    items.Add(_pos < lines.Count && lines[_pos].Indent > indent ? ParseBlock(lines[_pos].Indent) : null);
                    continue;
                }

                var itemIndent = indent + 1 + (rest.Length - itemText.Length);
                if (IsSequenceItem(itemText) || FindKeySeparator(itemText) >= 0)
                {
                    // "- key: value" opens a mapping whose keys sit at the column of "key".
                    lines[_pos] = line with { Indent = itemIndent, Text = itemText };
                    items.Add(ParseBlock(itemIndent));
                }
                else
                {
                    _pos++;
                    items.Add(Scalar(itemText, line.Number));
                }
            }

            return items;
        }

        private Dictionary<string, object?> ParseMapping(int indent)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (_pos < lines.Count && lines[_pos].Indent == indent && !IsSequenceItem(lines[_pos].Text))
            {
                var line = lines[_pos];
                var sep = FindKeySeparator(line.Text);
                if (sep < 0)
                {
                    throw new FormatException($"line {line.Number}: expected 'key: value'");
                }

                var key = Unquote(line.Text[..sep].Trim(), line.Number);
                var value = line.Text[(sep + 1)..].Trim();
                _pos++;
                map[key] = value switch
                {
                    "" => ParseNested(indent),
                    "|" or "|-" or "|+" => BlockScalar(indent, literal: true, keepTrailing: value != "|-"),
                    ">" or ">-" or ">+" => BlockScalar(indent, literal: false, keepTrailing: value != ">-"),
                    _ => Scalar(value, line.Number),
                };
            }

            if (_pos < lines.Count && lines[_pos].Indent > indent)
            {
                throw new FormatException($"line {lines[_pos].Number}: unexpected indentation");
            }

            return map;
        }

        private object? ParseNested(int parentIndent)
        {
            if (_pos >= lines.Count)
            {
                return null;
            }

            var next = lines[_pos];
            if (next.Indent > parentIndent)
            {
                return ParseBlock(next.Indent);
            }

            // A sequence may sit at the same indentation as its key.
            return next.Indent == parentIndent && IsSequenceItem(next.Text) ? ParseSequence(parentIndent) : null;
        }

        private string BlockScalar(int parentIndent, bool literal, bool keepTrailing)
        {
            var parts = new List<string>();
            int? blockIndent = null;
            while (_pos < lines.Count && lines[_pos].Indent > parentIndent)
            {
                var line = lines[_pos];
                blockIndent ??= line.Indent;
                parts.Add(line.Raw.Length >= blockIndent ? line.Raw[blockIndent.Value..].TrimEnd() : line.Text);
                _pos++;
            }

            var text = string.Join(literal ? "\n" : " ", parts);
            return keepTrailing && parts.Count > 0 ? text + "\n" : text;
        }

        private static int FindKeySeparator(string text)
        {
            var inSingle = false;
            var inDouble = false;
            if (text.StartsWith('[') || text.StartsWith('{'))
            {
                return -1;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\'' && !inDouble)
                {
                    inSingle = !inSingle;
                }
                else if (c == '"' && !inSingle)
                {
                    inDouble = !inDouble;
                }
                else if (c == ':' && !inSingle && !inDouble && (i == text.Length - 1 || text[i + 1] == ' '))
                {
                    return i;
                }
            }

            return -1;
        }

        private static object? Scalar(string text, int number)
        {
            if (text is "~" or "null")
            {
                return null;
            }

            if (text.StartsWith('['))
            {
                if (!text.EndsWith(']'))
                {
                    throw new FormatException($"line {number}: multi-line flow sequences are not supported");
                }

                var inner = text[1..^1].Trim();
                return inner.Length == 0
                    ? new List<object?>()
                    : inner.Split(',').Select(part => (object?)Unquote(part.Trim(), number)).ToList();
            }

            if (text == "{}")
            {
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            return Unquote(text, number);
        }

        private static string Unquote(string text, int number)
        {
            if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
            {
                return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }

            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
            {
                var sb = new StringBuilder();
                for (var i = 1; i < text.Length - 1; i++)
                {
                    var c = text[i];
                    if (c != '\\')
                    {
                        sb.Append(c);
                        continue;
                    }

                    if (++i >= text.Length - 1)
                    {
                        throw new FormatException($"line {number}: dangling escape");
                    }

                    sb.Append(text[i] switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        '0' => '\0',
                        _ => text[i],
                    });
                }

                return sb.ToString();
            }

            if (text.StartsWith('"') || text.StartsWith('\''))
            {
                throw new FormatException($"line {number}: unterminated quoted string");
            }

            return text;
        }
    }
}
