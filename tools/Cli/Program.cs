using Accreditation.Cli;

return await CliApp.RunAsync(args, CliHost.FromConsole());
