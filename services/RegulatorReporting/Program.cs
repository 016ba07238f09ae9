using Accreditation.RegulatorReporting;

await RegulatorReportingHost.Build(args).RunAsync();
