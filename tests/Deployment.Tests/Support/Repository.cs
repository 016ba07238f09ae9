namespace Accreditation.Deployment.Tests.Support;

/// <summary>The repository root, found by walking up from the test assembly to Accreditation.sln.</summary>
public static class Repository
{
    public static string Root { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Accreditation.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("no Accreditation.sln above " + AppContext.BaseDirectory);
    }
}
