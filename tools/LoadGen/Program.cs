using Accreditation.LoadGen;

return await LoadApp.RunAsync(args, Console.Out, Console.Error);
