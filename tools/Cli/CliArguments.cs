using System.Globalization;

namespace Accreditation.Cli;

/// <summary>A verb followed by --name value options and --flag switches.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArguments(string verb) => Verb = verb;

    public string Verb { get; }

    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(flagNames);
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("a verb comes first");
        }

        var parsed = new CliArguments(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected '{arg}'");
            }

            var name = arg[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parsed._options[name[..eq]] = name[(eq + 1)..];
            }
            else if (flagNames.Contains(name))
            {
                parsed._flags.Add(name);
            }
            else if (i + 1 < args.Count)
            {
                parsed._options[name] = args[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value");
            }
        }

        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Optional(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Optional(name) ?? throw new UsageException($"--{name} is required for {Verb}");

    public string OrDefault(string name, string fallback) => Optional(name) ?? fallback;

    public double Fraction(string name, double fallback)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new UsageException($"--{name} must be a number from 0 to 1");
    }

    public int Number(string name, int fallback)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be a whole number");
    }
}
