from bellum.cli import main

main()
