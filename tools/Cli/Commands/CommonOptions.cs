using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Accreditation.Cli.Commands;

/// <summary>Options several verbs take, each made fresh for its command, and the validators they share.</summary>
internal static class CommonOptions
{
    public const string BrokerVariable = "ACCREDIT_BROKER";
    public const string DefaultBroker = "127.0.0.1:6380";

    public static Option<string> Authority(string description = "Employing authority (GSS code) the call is made for, e.g. E08000002") =>
        new("--authority") { Description = description, HelpName = "gss", Required = true };

    public static Option<string> Enrolment() =>
        new("--enrolment") { Description = "Enrolment id", HelpName = "id", Required = true };

    public static Option<string> Sitting() =>
        new("--sitting") { Description = "Sitting id", HelpName = "id", Required = true };

    public static Option<string> Session() =>
        new("--session") { Description = "Simulated-practice session id", HelpName = "id", Required = true };

    /// <summary>A required option whose value is an id (letters, digits, '.', '_', '-'), as the services accept them.</summary>
    public static Option<string> Id(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "id", Required = true };
        option.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>();
            if (text is not null && !IsId(text))
            {
                r.AddError($"{name} must be an id: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 128 characters");
            }
        });
        return option;
    }

    /// <summary>Whether the services take <paramref name="text"/> as an id.</summary>
    public static bool IsId(string text) =>
        text is { Length: > 0 and <= 128 } && char.IsAsciiLetterOrDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static Option<string> RequestId() =>
        new("--request-id") { Description = "client_request_id making a retry safe [default: a new GUID]", HelpName = "id" };

    public static Option<string> Broker() =>
        new("--broker") { Description = $"Pub/sub Redis (StackExchange.Redis configuration) [env: {BrokerVariable}; default: {DefaultBroker}]", HelpName = "host:port" };

    /// <summary>The broker option, else its environment variable, else the local default.</summary>
    public static string BrokerOf(ParseResult result, Option<string> broker, CliHost host)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(host);
        return result.GetValue(broker) is { Length: > 0 } given ? given
            : host.Variable(BrokerVariable) is { Length: > 0 } configured ? configured
            : DefaultBroker;
    }

    /// <summary>A whole-number option from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static Option<int> Number(string name, string description, int? fallback, int minimum, int maximum = int.MaxValue)
    {
        var error = minimum == int.MinValue ? $"{name} must be a whole number"
            : maximum == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of at least {minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {minimum} to {maximum}");
        var option = Parsed<int>(
            name,
            (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= maximum,
            error);
        option.Description = description;
        option.HelpName = "n";
        if (fallback is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return option;
    }

    /// <summary>A number option from 0 to 1.</summary>
    public static Option<double> Fraction(string name, string description, double fallback)
    {
        var option = Parsed<double>(
            name,
            (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is >= 0 and <= 1,
            $"{name} must be a number from 0 to 1");
        option.Description = description;
        option.HelpName = "share";
        option.DefaultValueFactory = _ => fallback;
        return option;
    }

    /// <summary>An option whose value goes through <paramref name="parse"/>; a false answer is a parse error naming the option.</summary>
    public static Option<T> Parsed<T>(string name, TryParse<T> parse, string error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new Option<T>(name)
        {
            CustomParser = result => Value(result, parse, error),
        };
    }

    /// <summary>An option that may be given several times, each value through <paramref name="parse"/>.</summary>
    public static Option<List<T>> ParsedList<T>(string name, TryParse<T> parse, string error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new Option<List<T>>(name)
        {
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result =>
            {
                var values = new List<T>();
                foreach (var token in result.Tokens)
                {
                    if (!parse(token.Value, out var value))
                    {
                        result.AddError($"{error}, not '{token.Value}'");
                        return values;
                    }

                    values.Add(value);
                }

                return values;
            },
        };
    }

    private static T Value<T>(ArgumentResult result, TryParse<T> parse, string error)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (parse(text, out var value))
        {
            return value;
        }

        result.AddError(error);
        return default!;
    }
}
