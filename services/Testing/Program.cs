using Accreditation.Testing;

await TestingHost.Build(args).RunAsync();
