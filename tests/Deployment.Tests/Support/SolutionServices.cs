using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Accreditation.Deployment.Tests.Support;

/// <summary>
/// The services of the solution, found rather than listed: every project under services/ (named in
/// Accreditation.sln or present as services/X/X.csproj) built with the Web SDK is a deployable
/// service. A new service is picked up the day its project lands.
/// </summary>
public static partial class SolutionServices
{
    public static IReadOnlyList<ServiceProject> All { get; } = Discover();

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var service in All)
        {
            data.Add(service.Folder);
        }

        return data;
    }

    public static ServiceProject Get(string folder) => All.Single(s => s.Folder == folder);

    private static List<ServiceProject> Discover()
    {
        var fromSolution = ProjectLine().Matches(File.ReadAllText(Repository.PathOf("Accreditation.sln")))
            .Select(m => m.Groups["folder"].Value);
        var fromFolders = Directory.GetDirectories(Repository.PathOf("services"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(folder => File.Exists(Repository.PathOf("services", folder, folder + ".csproj")));
        return fromSolution.Union(fromFolders, StringComparer.Ordinal)
            .Select(folder => (folder, project: XDocument.Load(Repository.PathOf("services", folder, folder + ".csproj"))))
            .Where(p => (string?)p.project.Root?.Attribute("Sdk") == "Microsoft.NET.Sdk.Web")
            .Select(p => new ServiceProject(p.folder, p.project.Descendants("AssemblyName").Select(a => a.Value).FirstOrDefault() ?? p.folder))
            .OrderBy(s => s.Folder, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"""services\\(?<folder>[^\\""]+)\\\k<folder>\.csproj""")]
    private static partial Regex ProjectLine();
}
