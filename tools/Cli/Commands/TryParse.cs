namespace Accreditation.Cli.Commands;

/// <summary>Reads a value from its command-line text; false when the text is not one.</summary>
internal delegate bool TryParse<T>(string text, out T value);
