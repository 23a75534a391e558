"""Print jobs and files: CreatePrintJob, Print, GetFileList, GetFile."""

from spyne import ComplexModel

from wms_soap.soap.automation.types.common import NS, ArrayOfInt, opt
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Integer32, String


class AutomationPrintJobUser(ComplexModel):
    __namespace__ = NS
    _type_info = [("UserName", opt(String)), ("UserId", opt(Integer32))]


class AutomationPrintJobComputer(ComplexModel):
    __namespace__ = NS
    _type_info = [("ComputerName", opt(String)), ("ComputerId", opt(Integer32))]


class AutomationPrintJobGoodsOwner(ComplexModel):
    __namespace__ = NS
    _type_info = [("GoodsOwnerId", opt(Integer32))]


class AutomationPrintJob(ComplexModel):
    __namespace__ = NS
    _type_info = [("ReportId", opt(Integer32)), ("IdsToPrint", opt(ArrayOfInt)),
                  ("PrintAsUser", opt(AutomationPrintJobUser)), ("PrintAsComputer", opt(AutomationPrintJobComputer)),
                  ("PrintAsGoodsOwner", opt(AutomationPrintJobGoodsOwner))]


CreatePrintJobResult = result("CreatePrintJob", writes=True)


class PrintOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("ReportId", opt(Integer32)), ("IdsToPrint", opt(ArrayOfInt)),
                  ("PrintAsUser", opt(AutomationPrintJobUser)), ("PrintAsComputer", opt(AutomationPrintJobComputer)),
                  ("PrintAsGoodsOwner", opt(AutomationPrintJobGoodsOwner))]


PrintResult = result("Print", writes=True)


class FileSearchValues(ComplexModel):
    __namespace__ = NS
    _type_info = [("GoodsOwnerId", opt(Integer32)), ("OrderId", opt(Integer32)), ("GoodsOwnerCode", opt(String)),
                  ("ArticleNo", opt(String)), ("ArticleName", opt(String)), ("OrderNumber", opt(String)),
                  ("ArticleSystemId", opt(Integer32)), ("InOrderId", opt(Integer32))]


GetFileListResult = result("GetFileList")
GetFileResult = result("GetFile")
