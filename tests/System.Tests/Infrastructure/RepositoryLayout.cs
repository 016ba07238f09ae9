namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// Where the repository is and which build of it the tests run: found by walking up from the test
/// assembly to Accreditation.sln, with the configuration (Debug/Release) and target framework read
/// from the test assembly's own output path, so launched processes are the same build.
/// </summary>
public sealed class RepositoryLayout
{
    public const string SolutionFile = "Accreditation.sln";

    private RepositoryLayout(string root, string configuration, string targetFramework)
    {
        Root = root;
        Configuration = configuration;
        TargetFramework = targetFramework;
    }

    public string Root { get; }

    public string Configuration { get; }

    public string TargetFramework { get; }

    public static RepositoryLayout Locate()
    {
        var baseDirectory = Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var directory = new DirectoryInfo(baseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"no {SolutionFile} above {baseDirectory}");
        }

        // .../tests/System.Tests/bin/<Configuration>/<TargetFramework>
        var segments = baseDirectory.Split(Path.DirectorySeparatorChar);
        var bin = Array.LastIndexOf(segments, "bin");
        if (bin < 0 || bin + 2 >= segments.Length)
        {
            throw new InvalidOperationException($"cannot read the build configuration from {baseDirectory}");
        }

        return new RepositoryLayout(directory.FullName, segments[bin + 1], segments[bin + 2]);
    }

    /// <summary>The built output folder of a project, e.g. services/Enrolment/bin/Debug/net10.0.</summary>
    public string OutputFolderOf(string projectFolder) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, TargetFramework);

    /// <summary>The path of a built assembly; throws with the build command when it is missing.</summary>
    public string AssemblyOf(string projectFolder, string assemblyFile)
    {
        var path = Path.Combine(OutputFolderOf(projectFolder), assemblyFile);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{path} is missing: build it with `dotnet build {projectFolder} -c {Configuration}` " +
                $"(the System.Tests project references it, so building the tests builds it)", path);
    }
}
