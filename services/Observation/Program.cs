using Accreditation.Observation;

await ObservationHost.Build(args).RunAsync();
