namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// How to start one child process: program, arguments, working directory and environment changes
/// (a null value removes an inherited variable).
/// </summary>
public sealed record ProcessLaunch(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>Runs a built .NET assembly with the same dotnet host the tests run on.</summary>
    public static ProcessLaunch Dotnet(string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment) =>
        new(DotnetHost.Path, [assemblyPath, .. arguments], Path.GetDirectoryName(assemblyPath)!, environment);

    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}
