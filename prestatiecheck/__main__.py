from prestatiecheck.cli import main

main()
