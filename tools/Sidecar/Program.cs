using Accreditation.Sidecar;
using Accreditation.Sidecar.Configuration;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

SidecarOptions options;
try
{
    options = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(CommandLine.Usage);
    return 2;
}

await using var app = SidecarApp.Build(options, logging => logging.AddSimpleConsole(console => console.SingleLine = true));
await app.RunAsync();
return 0;
