from hms_desk.cli import main

raise SystemExit(main())
