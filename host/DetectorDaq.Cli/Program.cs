using DetectorDaq.Cli;

return DetectorDaqCommandLine.Run(args, Console.Out, Console.Error);
