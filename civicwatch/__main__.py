from civicwatch.cli import main

main()
