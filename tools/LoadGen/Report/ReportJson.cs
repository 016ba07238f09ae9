using System.Text.Json;

namespace Accreditation.LoadGen.Report;

/// <summary>The report as JSON: snake_case names, indented.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static string Serialize(LoadReport report) => JsonSerializer.Serialize(report, Options);

    public static async Task WriteAsync(LoadReport report, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, Serialize(report) + "\n", cancellationToken);
    }
}
