from starbar.cli.main import main

main()
