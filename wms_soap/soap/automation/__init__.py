"""The Automation API (``Automation.asmx``, namespace ``http://ongoingsystems.se/Automation``): storage lifts,
AutoStore-style systems, scanners and warehouse-wide integrations; automation users only, every goods owner visible.

    contract.py   the 45 operations: payload element and type, result type, writes, operator element
    types/        the Spyne models by area (hand-designed; ``types/results.py`` is the frame of designed results)
    handlers/     one module per area; ``@handler("Op")`` registers a handler (thin: convert, call a service)
    convert/      wire <-> service values, by area
    dispatch.py   logon, operator, unit of work, in-band errors, NotImplemented for operations without handler
    methods.py    the Spyne service class built from the table
    wsgi.py       SOAP 1.1 + 1.2 on one URL, the WSDL built once
"""
